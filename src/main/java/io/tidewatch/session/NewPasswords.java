package io.tidewatch.session;

import io.tidewatch.account.AccountService;

/** The rules a new password typed twice into a form must meet; the message says what to fix. */
final class NewPasswords {

    private NewPasswords() {
    }

    /** What is wrong with the new password and its confirmation, or null when they are acceptable. */
    static String problem(String password, String confirm) {
        if (password == null || password.length() < AccountService.MIN_PASSWORD_LENGTH) {
            return "The new password must be at least " + AccountService.MIN_PASSWORD_LENGTH + " characters long.";
        }
        if (password.length() > 128) {
            return "The new password must be at most 128 characters long.";
        }
        if (!password.equals(confirm)) {
            return "The two new passwords do not match.";
        }
        return null;
    }
}
