package dev.retention.io;

import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Opens the text files the readers read, as the command line opens them: UTF-8, decompressed when the file is
 * gzip or xz (told by its first bytes, whatever its name), and working on pipes and devices as well as on regular
 * files ({@code /dev/stdin}, a named pipe). A file that cannot be text for the readers is refused at once with its
 * path: a directory, a UTF-16 or UTF-32 file (told by its byte-order mark). A compressed file that ends early is an
 * {@link IOException} naming the file, not a bare {@link EOFException}.
 */
public final class TextFiles {

    private static final int BUFFER = 1 << 16;

    private TextFiles() {
    }

    /**
     * Opens a file as UTF-8 text, decompressing gzip and xz.
     *
     * @param file a regular file, a pipe or a device
     * @return a buffered reader the caller closes
     * @throws NoSuchFileException  if there is no such file
     * @throws FileSystemException  if the file is a directory, or is UTF-16 or UTF-32 encoded
     * @throws IOException          if it cannot be opened or its compressed header is not valid
     */
    public static Reader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(openStream(file), StandardCharsets.UTF_8), BUFFER);
    }

    /**
     * Opens a file's bytes, decompressed when it is gzip or xz; see {@link #open(Path)}.
     *
     * @param file a regular file, a pipe or a device
     * @return a buffered stream the caller closes
     * @throws IOException as {@link #open(Path)}
     */
    public static InputStream openStream(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a file");
        }
        // a channel's available() seeks, which a pipe refuses ("Illegal seek"): pipes and devices get a
        // FileInputStream
        InputStream raw = Files.isRegularFile(file) ? Files.newInputStream(file) : new FileInputStream(file.toFile());
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        try {
            byte[] head = peek(in, 6);
            if (startsWith(head, 0x1f, 0x8b)) {
                return new BufferedInputStream(new EndChecked(new GZIPInputStream(in, BUFFER), file, "gzip"), BUFFER);
            }
            if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
                return new BufferedInputStream(new EndChecked(new XZInputStream(in), file, "xz"), BUFFER);
            }
            if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff) || startsWith(head, 0x00, 0x00, 0xfe, 0xff)) {
                throw new FileSystemException(file.toString(), null, "is UTF-16 or UTF-32 encoded (it starts with a"
                        + " byte-order mark); the readers read UTF-8: convert it first, for example with iconv -f UTF-16"
                        + " -t UTF-8");
            }
            return in;
        } catch (EOFException e) {
            in.close();
            throw new FileSystemException(file.toString(), null, "the compressed file ends in its header (truncated?)");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = new byte[n];
        int k = 0;
        while (k < n) {
            int r = in.read(head, k, n - k);
            if (r < 0) {
                break;
            }
            k += r;
        }
        in.reset();
        return k == n ? head : java.util.Arrays.copyOf(head, k);
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Turns the decompressor's bare {@link EOFException} at a truncated end into a message with the path. */
    private static final class EndChecked extends FilterInputStream {
        private final Path file;
        private final String format;

        EndChecked(InputStream in, Path file, String format) {
            super(in);
            this.file = file;
            this.format = format;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException e) {
                throw truncated(e.getMessage());
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (EOFException e) {
                throw truncated(e.getMessage());
            }
        }

        private IOException truncated(String detail) {
            return new FileSystemException(file.toString(), null, "the " + format
                    + "-compressed file ends early (truncated?)" + (detail == null ? "" : ": " + detail));
        }
    }
}
