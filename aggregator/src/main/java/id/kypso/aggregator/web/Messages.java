package id.kypso.aggregator.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The page texts in one language: Bahasa Indonesia from {@code messages.properties} by default,
 * English from {@code messages_en.properties}. No fallback to the JVM's default locale, so a
 * server set up in English still serves Bahasa Indonesia by default.
 */
public final class Messages {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String language;
    private final ResourceBundle bundle;

    private Messages(String language) {
        this.language = language;
        Locale locale = language.equals("en") ? Locale.ENGLISH : Locale.ROOT;
        this.bundle = ResourceBundle.getBundle("messages", locale, NO_FALLBACK);
    }

    private static final Messages INDONESIAN = new Messages("id");
    private static final Messages ENGLISH = new Messages("en");

    /** Returns the texts for {@code language}, Bahasa Indonesia unless it is {@code en}. */
    public static Messages of(String language) {
        return "en".equals(language) ? ENGLISH : INDONESIAN;
    }

    public String language() {
        return language;
    }

    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern
                : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }
}
