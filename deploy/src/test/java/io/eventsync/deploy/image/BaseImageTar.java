package io.eventsync.deploy.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A minimal base image in {@code docker save} format, with one layer holding one file: what Jib
 * needs to build an image offline ({@code -Dimage.base=tar://...}), since no container registry
 * can be reached from here. The layer has no Java: the image is inspected, never run.
 */
final class BaseImageTar {

    private BaseImageTar() {
    }

    static Path write(Path file) throws IOException {
        byte[] layer = tar(new Entry("etc/eventsync-test-base", "a stand-in base image\n".getBytes(StandardCharsets.UTF_8)));
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/usr/bin:/bin\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + sha256(layer) + "\"]}}";
        String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"eventsync/test-base:latest\"],"
                + "\"Layers\":[\"layer.tar\"]}]";
        Files.write(file, tar(new Entry("manifest.json", manifest.getBytes(StandardCharsets.UTF_8)),
                new Entry("config.json", config.getBytes(StandardCharsets.UTF_8)), new Entry("layer.tar", layer)));
        return file;
    }

    private record Entry(String name, byte[] content) {
    }

    /** A ustar archive of regular files: a 512-byte header per file, its content padded to 512, two zero blocks. */
    private static byte[] tar(Entry... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            byte[] header = new byte[512];
            put(header, 0, entry.name());
            put(header, 100, "0000644");
            put(header, 108, "0000000");
            put(header, 116, "0000000");
            put(header, 124, String.format("%011o", entry.content().length));
            put(header, 136, String.format("%011o", 0));
            header[156] = '0';
            put(header, 257, "ustar");
            put(header, 263, "00");
            for (int i = 148; i < 156; i++) {
                header[i] = ' ';
            }
            long sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            put(header, 148, String.format("%06o", sum));
            header[154] = 0;
            out.write(header);
            out.write(entry.content());
            pad(out, entry.content().length);
        }
        out.write(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static void pad(OutputStream out, int length) throws IOException {
        int rest = length % 512;
        if (rest != 0) {
            out.write(new byte[512 - rest]);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
