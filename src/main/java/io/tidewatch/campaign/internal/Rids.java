package io.tidewatch.campaign.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recipient ids as Gophish makes them: 7 characters of {@code [A-Za-z0-9]} from a cryptographic random source
 * (about 3.5e12 values). Gophish's IMAP report matching relies on exactly this shape.
 */
public final class Rids {

    /** The length of a rid. */
    public static final int LENGTH = 7;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Rids() {
    }

    /** One new rid. */
    public static String next() {
        char[] rid = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            rid[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(rid);
    }

    /** {@code n} distinct new rids, none of them in {@code avoid}. */
    public static List<String> distinct(int n, Set<String> avoid) {
        Set<String> rids = new LinkedHashSet<>();
        while (rids.size() < n) {
            String rid = next();
            if (!avoid.contains(rid)) {
                rids.add(rid);
            }
        }
        return new ArrayList<>(rids);
    }

    /** True for a well-formed rid. */
    public static boolean isWellFormed(String rid) {
        if (rid == null || rid.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(rid.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
