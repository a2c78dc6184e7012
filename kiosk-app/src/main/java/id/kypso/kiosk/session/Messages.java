package id.kypso.kiosk.session;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The citizen-facing text in one language, from the {@code id.kypso.kiosk.messages} resource
 * bundles. Bahasa Indonesia is the base bundle; the lookup never falls back to the machine's
 * default locale, so an English-configured PC still shows Bahasa Indonesia by default.
 */
public final class Messages {
    private static final String BASE_NAME = "id.kypso.kiosk.messages";

    private final String language;
    private final ResourceBundle bundle;

    private Messages(String language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    /** Loads the text for a language code such as {@code id} or {@code en}. */
    public static Messages of(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle(BASE_NAME,
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(language, bundle);
    }

    public String language() {
        return language;
    }

    /** Returns the text for {@code key}, or the key itself when the bundles lack it. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Returns the text for {@code key} with {@link MessageFormat} arguments filled in. */
    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), Locale.forLanguageTag(language)).format(arguments);
    }
}
