package id.kypso.provisioning.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The operator-facing texts, in Bahasa Indonesia unless English is chosen. The machine's own
 * locale is ignored on purpose: Bahasa Indonesia is the default wherever the command runs.
 */
public final class Messages {
    public static final String BUNDLE = "id.kypso.provisioning.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** Loads the texts for {@code language} ("id" or "en"); anything else falls back to "id". */
    public static Messages forLanguage(String language) {
        Locale locale = "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.of("id");
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    /** Formats the text under {@code key}; a missing key shows itself so the gap is visible. */
    public String text(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(stringify(arguments));
    }

    /** Returns whether a text exists under {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    // Numbers are passed as text so MessageFormat does not group digits of ids and counts.
    private static Object[] stringify(Object[] arguments) {
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = arguments[i] == null ? "-" : String.valueOf(arguments[i]);
        }
        return texts;
    }
}
