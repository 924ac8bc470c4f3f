package dev.retention.churn.dataset;

import dev.retention.io.DataFormatException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerTableReaderTest {

    private static CustomerTable read(String csv, TableOptions o) throws IOException {
        return CustomerTableReader.read(new StringReader(csv), "t.csv", o);
    }

    /** A Telco-like table: a blank TotalCharges, a 0/1 column, quoted text with a comma. */
    static final String TELCO = """
            customerID,gender,SeniorCitizen,tenure,Contract,TotalCharges,Churn
            7590-VHVEG,Female,0,1,Month-to-month,29.85,No
            5575-GNVDE,Male,0,34,One year,1889.5,No
            3668-QPYBK,Male,1,2,"Month-to-month, paperless",108.15,Yes
            4472-LVYGI,Female,0,0,Two year, ,No
            9305-CDSKC,Female,1,8,Month-to-month,820.5,Yes
            """;

    @Test
    void read_infersKindsAndCountsMissingCells() throws IOException {
        CustomerTable t = read(TELCO, TableOptions.labelled("Churn", "Yes").withDrop(List.of("customerID")));
        assertEquals(5, t.rows());
        assertArrayEquals(new String[] {"gender", "SeniorCitizen", "tenure", "Contract", "TotalCharges"}, t.names());
        assertEquals(ColumnKind.CATEGORICAL, t.kind(0));
        assertEquals(ColumnKind.NUMERIC, t.kind(1));
        assertEquals(ColumnKind.NUMERIC, t.kind(4));
        assertTrue(Double.isNaN(t.numeric(3, 4)));
        assertEquals(1L, t.report().missing().get("TotalCharges"));
        assertEquals("Month-to-month, paperless", t.categorical(2, 3));
        assertArrayEquals(new int[] {0, 0, 1, 0, 1}, t.labels());
        assertEquals("2", t.key(1));   // no id column: row numbers
    }

    @Test
    void read_forcedKindsAndIdColumn() throws IOException {
        CustomerTable t = read(TELCO, TableOptions.labelled("Churn", "Yes").withIdColumn("customerID")
                .withCategorical(List.of("SeniorCitizen")));
        assertEquals(ColumnKind.CATEGORICAL, t.kind(t.indexOf("SeniorCitizen")));
        assertEquals("5575-GNVDE", t.key(1));
        assertEquals(-1, t.indexOf("customerID"));
    }

    @Test
    void read_unparseableNumbersBecomeMissingAndAreCounted() throws IOException {
        StringBuilder sb = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i == 7 ? "n/a-ish" : Integer.toString(i % 20)).append(',').append(i % 3).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        CustomerTable t = read(sb.toString(), TableOptions.labelled("label", "b"));
        assertEquals(ColumnKind.NUMERIC, t.kind(0));
        assertTrue(Double.isNaN(t.numeric(7, 0)));
        assertEquals(1L, t.report().unparseable().get("x"));
        assertEquals(1L, t.report().missing().get("x"));
        // with a strict numeric share the column is categorical instead
        CustomerTable strict = read(sb.toString(), TableOptions.labelled("label", "b").withNumericShare(1.0));
        assertEquals(ColumnKind.CATEGORICAL, strict.kind(0));
    }

    @Test
    void read_leavesIdentifierLikeColumnsOut() throws IOException {
        StringBuilder sb = new StringBuilder("code,v,label\n");
        for (int i = 0; i < 25; i++) {
            sb.append("K").append(1000 + i).append(',').append(i % 10).append(',').append(i % 2).append('\n');
        }
        CustomerTable t = read(sb.toString(), TableOptions.labelled("label", "1"));
        assertArrayEquals(new String[] {"v"}, t.names());
        assertTrue(t.report().excluded().get("code").contains("identifier"), t.report().toString());
        // a column of distinct integers is a row number or an id: left out too, unless forced numeric
        StringBuilder ids = new StringBuilder("RowNumber,x,label\n");
        for (int i = 0; i < 25; i++) {
            ids.append(15634602 + 7 * i).append(',').append(i % 4 + 0.5).append(',').append(i % 2).append('\n');
        }
        CustomerTable rows = read(ids.toString(), TableOptions.labelled("label", "1"));
        assertArrayEquals(new String[] {"x"}, rows.names());
        assertTrue(rows.report().excluded().get("RowNumber").contains("distinct integers"), rows.report().toString());
        CustomerTable kept = read(ids.toString(), TableOptions.labelled("label", "1").withNumeric(List.of("RowNumber")));
        assertEquals(2, kept.columns());
    }

    @Test
    void badInput_namesLineColumnAndValue() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> read(TELCO, TableOptions.labelled("Churn", "yes")));
        assertTrue(e.getMessage().contains("never holds the positive value 'yes'"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read(TELCO, TableOptions.labelled("Exited", "1")));
        assertTrue(e.getMessage().contains("label column 'Exited' is not in the header"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read(TELCO, TableOptions.labelled("Churn", "Yes")
                .withDrop(List.of("nope"))));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read("a,b,l\n1,2,x\n3,4,y\n5,6,z\n",
                TableOptions.labelled("l", "x")));
        assertTrue(e.getMessage().contains("3 distinct values"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read("a,b,l\n1,2,x\n3,4\n5,6,y\n",
                TableOptions.labelled("l", "x")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("2 fields"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read("a,b,l\n1,2,x\n3,4, \n5,6,y\n",
                TableOptions.labelled("l", "x")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("label is missing"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read("", TableOptions.labelled("l", "x")));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TableOptions.labelled("l", " "));
    }

    @Test
    void builder_refusesInfinitiesAndMismatchedLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomerTable.builder(2)
                .numeric("x", new double[] {1, Double.POSITIVE_INFINITY}));
        assertTrue(e.getMessage().contains("'x' row 1 is infinite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CustomerTable.builder(2).numeric("x", new double[3]));
        assertTrue(e.getMessage().contains("3 values") && e.getMessage().contains("2 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CustomerTable.builder(2).numeric("x", new double[2])
                .categorical("x", new String[2]));
        assertTrue(e.getMessage().contains("already"), e.getMessage());
    }

    @Test
    void lenient_skipsAndCountsMalformedRows() throws IOException {
        CustomerTable t = read("a,b,l\n1,2,x\n3,4\n5,6,y\n7,8,\n9,1,x\n", TableOptions.labelled("l", "x")
                .withLenient(true));
        assertEquals(3, t.rows());
        assertEquals(2, t.report().skippedRows());
        assertFalse(t.report().isEmpty());
    }
}
