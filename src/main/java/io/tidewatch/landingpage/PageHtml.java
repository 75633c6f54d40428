package io.tidewatch.landingpage;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Gophish's re-serialisation of landing-page HTML on save: the document gets its {@code html}, {@code head} and
 * {@code body}; every form posts back to the page ({@code action=""}); inputs lose their {@code name} unless
 * credentials are captured, password inputs lose it unless passwords are captured, and are named {@code password}
 * when they are.
 */
public final class PageHtml {

    private PageHtml() {
    }

    /** The HTML as stored for these capture settings. */
    public static String normalize(String html, boolean captureCredentials, boolean capturePasswords) {
        Document document = Jsoup.parse(html == null ? "" : html);
        document.outputSettings().prettyPrint(false);
        for (Element form : document.select("form")) {
            form.attr("action", "");
            for (Element input : form.select("input")) {
                boolean password = input.attr("type").toLowerCase(Locale.ROOT).equals("password");
                if (!captureCredentials) {
                    input.removeAttr("name");
                } else if (password && capturePasswords) {
                    input.attr("name", "password");
                } else if (password) {
                    input.removeAttr("name");
                }
            }
        }
        return document.outerHtml();
    }
}
