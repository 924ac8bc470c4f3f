package dev.retention.io;

import dev.retention.data.TransactionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TextFiles}: the library's readers open what the command line opens: gzip and xz by their
 * magic bytes, whatever the name; directories, UTF-16 files and truncated archives refused with the path.
 */
class TextFilesTest {

    private static final String ORDERS = OnlineRetailReaderTest.HEADER + "\n"
            + "536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
            + "536366,22633,HAND WARMER,6,12/1/2010 8:28,1.85,13047,United Kingdom\n";

    @TempDir
    Path dir;

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(String text, Compressor c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.wrap(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String readAll(Path file) throws IOException {
        try (Reader r = TextFiles.open(file)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[100];
            for (int k; (k = r.read(buf)) >= 0; ) {
                sb.append(buf, 0, k);
            }
            return sb.toString();
        }
    }

    @Test
    void open_readsPlainGzipAndXzAlike_byTheirFirstBytes() throws IOException {
        Path plain = Files.writeString(dir.resolve("orders.csv"), ORDERS);
        Path gz = Files.write(dir.resolve("orders.gz"), compress(ORDERS, GZIPOutputStream::new));
        Path xz = Files.write(dir.resolve("orders.csv.xz"), compress(ORDERS, o -> new XZOutputStream(o, new LZMA2Options())));
        Path misnamed = Files.write(dir.resolve("orders.txt"), compress(ORDERS, GZIPOutputStream::new));
        for (Path f : new Path[] {plain, gz, xz, misnamed}) {
            assertEquals(ORDERS, readAll(f), f.toString());
        }
        TransactionLog fromXz = OnlineRetailReader.read(xz);
        assertEquals(OnlineRetailReader.read(plain).fingerprint(), fromXz.fingerprint());
    }

    @Test
    void open_refusesADirectoryWithItsPath() {
        FileSystemException e = assertThrows(FileSystemException.class, () -> OnlineRetailReader.read(dir));
        assertEquals(dir + ": is a directory, not a file", e.getMessage());
    }

    @Test
    void open_saysNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> TextFiles.open(dir.resolve("missing.csv")));
    }

    @Test
    void open_refusesUtf16WithAHint() throws IOException {
        Path file = Files.write(dir.resolve("u16.csv"), ORDERS.getBytes(StandardCharsets.UTF_16));
        FileSystemException e = assertThrows(FileSystemException.class, () -> OnlineRetailReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": is UTF-16 or UTF-32 encoded"), e.getMessage());
    }

    @Test
    void open_namesATruncatedArchive_insteadOfABareEofException() throws IOException {
        StringBuilder many = new StringBuilder(OnlineRetailReaderTest.HEADER).append('\n');
        for (int i = 0; i < 2000; i++) {
            many.append(536365 + i).append(",85123A,HEART,6,12/1/2010 8:26,2.55,").append(17850 + i % 97)
                    .append(",United Kingdom\n");
        }
        for (String format : new String[] {"gzip", "xz"}) {
            byte[] full = compress(many.toString(), format.equals("gzip") ? GZIPOutputStream::new
                    : o -> new XZOutputStream(o, new LZMA2Options()));
            Path file = Files.write(dir.resolve("cut." + format), Arrays.copyOf(full, full.length / 2));
            IOException e = assertThrows(IOException.class, () -> OnlineRetailReader.read(file));
            assertTrue(e.getMessage().startsWith(file + ": the " + format + "-compressed file ends early"),
                    e.getMessage());
        }
    }

    @Test
    void open_readsAnEmptyFile() throws IOException {
        assertEquals("", readAll(Files.writeString(dir.resolve("empty.csv"), "")));
    }
}
