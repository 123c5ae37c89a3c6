package org.qipflow.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the links in stored emails from working for anyone who reads the database. Before an email
 * is stored, the token in each task, sign-in, topic, outlier-review or action link is encrypted (AES-256-GCM) with a key that is not
 * in the database; the relay opens them just before sending, and the copy kept after sending has none.
 *
 * <p>The key comes from {@code qipflow.outbox.link-key} (QIPFLOW_OUTBOX_LINK_KEY: 32 random bytes in
 * base64, the same on every node; required in production), else from the file
 * {@code qipflow.outbox.link-key-file}, made on first start (the demo keeps it beside its database),
 * else a new key for this run only (the tests). A link sealed with another key cannot be opened: it is
 * sent as a dead link, whose page offers fresh ones.
 */
@Component
class LinkSeal {

    private static final Logger log = LoggerFactory.getLogger(LinkSeal.class);
    /** Every kind of emailed link that works without signing in. */
    private static final String LINKS = "(/tasks/|/leads/sign-in/|/topics/links/|/outlier-links/|/action-links/|/report-links/)";
    static final Pattern OPEN = Pattern.compile(LINKS + "([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");
    /** A sealed token: not a token's shape, so a sealed link never reaches a token lookup. */
    static final Pattern SEALED = Pattern.compile(LINKS + "~([A-Za-z0-9_-]+)");
    static final String REMOVED = "(link removed)";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    LinkSeal(@Value("${qipflow.outbox.link-key:}") String configured,
            @Value("${qipflow.outbox.link-key-file:}") String file,
            @Value("${qipflow.outbox.link-key-required:false}") boolean required) {
        this.key = new SecretKeySpec(keyBytes(configured, file, required), "AES");
    }

    /** The text with every link's token encrypted. */
    String seal(String text) {
        return text == null ? null : OPEN.matcher(text).replaceAll(m -> quoted(m.group(1) + "~" + encrypt(m.group(2))));
    }

    /** The text with every sealed link working again, as it is sent; a link this key cannot open stays dead. */
    String open(String text) {
        return text == null ? null : SEALED.matcher(text).replaceAll(m -> quoted(m.group(1) + decrypt(m.group(2))));
    }

    /** The text with every link, sealed or not, replaced by a note: for copies kept after sending. */
    static String removeLinks(String text) {
        if (text == null) {
            return null;
        }
        String sealedGone = SEALED.matcher(text).replaceAll(m -> quoted(m.group(1) + REMOVED));
        return OPEN.matcher(sealedGone).replaceAll(m -> quoted(m.group(1) + REMOVED));
    }

    private String encrypt(String token) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.US_ASCII));
            byte[] all = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, all, 0, nonce.length);
            System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private String decrypt(String sealed) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException wrongKeyOrDamaged) {
            log.warn("A stored link could not be opened (sealed with another key?); it is sent as a dead link");
            return REMOVED;
        }
    }

    private static String quoted(String replacement) {
        return Matcher.quoteReplacement(replacement);
    }

    private static byte[] keyBytes(String configured, String file, boolean required) {
        if (!configured.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configured.strip());
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException("qipflow.outbox.link-key (QIPFLOW_OUTBOX_LINK_KEY) must be 32 bytes "
                        + "in base64, such as the output of: openssl rand -base64 32");
            }
            return bytes;
        }
        if (required) {
            throw new IllegalStateException("Set qipflow.outbox.link-key (QIPFLOW_OUTBOX_LINK_KEY) to 32 random bytes "
                    + "in base64 (openssl rand -base64 32), the same on every node: it keeps the links in stored emails "
                    + "from working for anyone who can read the database");
        }
        if (!file.isBlank()) {
            return fromFile(Path.of(file));
        }
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] fromFile(Path path) {
        try {
            if (Files.exists(path)) {
                return Base64.getDecoder().decode(Files.readString(path).strip());
            }
            byte[] bytes = new byte[KEY_BYTES];
            RANDOM.nextBytes(bytes);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, Base64.getEncoder().encodeToString(bytes));
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps its folder's permissions
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the outbox link key file " + path, e);
        }
    }
}
