package dev.retention.io;

import dev.retention.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link MovieLensReader} and {@link RatingsCsvReader} on small files in the MovieLens layouts. */
class MovieLensReaderTest {

    /** The first lines of MovieLens 100K u.data, plus a later re-rating of (196, 242). */
    private static final String U_DATA = ""
            + "196\t242\t3\t881250949\n"
            + "186\t302\t3\t891717742\n"
            + "22\t377\t1\t878887116\n"
            + "244\t51\t2\t880606923\n"
            + "166\t346\t1\t886397596\n"
            + "196\t242\t5\t881250999\n";

    @TempDir
    Path dir;

    private static int entry(Interactions r, String user, String item) {
        int u = r.users().indexOf(user);
        for (int i = r.userStart(u); i < r.userEnd(u); i++) {
            if (r.items().id(r.item(i)).equals(item)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void read100k_keepsTheLastOfDuplicateRatings() throws IOException {
        Path file = Files.writeString(dir.resolve("u.data"), U_DATA, StandardCharsets.US_ASCII);
        Interactions r = MovieLensReader.read100k(file);

        assertEquals(5, r.size());
        assertEquals(5, r.userCount());
        assertEquals(5, r.itemCount());
        assertEquals(1, r.duplicatesResolved());
        assertTrue(r.users().isNumeric());
        int i = entry(r, "196", "242");
        assertEquals(5f, r.value(i));
        assertEquals(881250999L, r.time(i));
        assertEquals(1f, r.value(entry(r, "22", "377")));
        assertEquals(878887116L, r.time(entry(r, "22", "377")));
        assertEquals("22", r.users().id(0));    // numeric order, not text order
    }

    @Test
    void read1m_readsDoubleColonLines() throws IOException {
        Path file = Files.writeString(dir.resolve("ratings.dat"),
                "1::1193::5::978300760\n1::661::3::978302109\n\n2::1193::4::978298413\n", StandardCharsets.US_ASCII);
        Interactions r = MovieLensReader.read1m(file);
        assertEquals(3, r.size());
        assertEquals(2, r.userCount());
        assertEquals(2, r.itemCount());
        assertEquals(3f, r.value(entry(r, "1", "661")));
        assertEquals(978298413L, r.time(entry(r, "2", "1193")));
        assertEquals(0, r.duplicatesResolved());
    }

    @Test
    void read100k_fromReader_acceptsSpacesAndCrLf() throws IOException {
        String text = "196 242  3 881250949\r\n186\t302\t4.5\t891717742\r\n";
        Interactions r = MovieLensReader.read100k(new StringReader(text), "mem", ReadOptions.defaults());
        assertEquals(2, r.size());
        assertEquals(4.5f, r.value(entry(r, "186", "302")));
    }

    @Test
    void readRatingsCsv_findsColumnsInAnyOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("ratings.csv"),
                "timestamp,rating,Item,User,comment\n978300760,5,1193,1,\"great, really\"\n978302109,3.5,661,1,\n",
                StandardCharsets.UTF_8);
        Interactions r = RatingsCsvReader.read(file, ReadOptions.defaults());
        assertEquals(2, r.size());
        assertEquals(3.5f, r.value(entry(r, "1", "661")));
        assertEquals(978300760L, r.time(entry(r, "1", "1193")));
    }

    @Test
    void readRatingsCsv_withoutTimestamp_givesTimeZero() throws IOException {
        Interactions r = RatingsCsvReader.read(new StringReader("""
                user,item,rating
                alice,book,4
                bob,book,2
                alice,book,5
                """), "mem", ReadOptions.defaults());
        assertEquals(2, r.size());
        assertEquals(1, r.duplicatesResolved());
        assertEquals(5f, r.value(entry(r, "alice", "book")));
        assertEquals(0L, r.time(entry(r, "alice", "book")));
        assertTrue(!r.users().isNumeric());
    }
}
