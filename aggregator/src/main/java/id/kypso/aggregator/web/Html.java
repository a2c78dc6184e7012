package id.kypso.aggregator.web;

/**
 * Builds server-rendered pages: one layout (skip link, navigation, language switch), escaped
 * text, and styles with WCAG AA contrast that read on a phone.
 */
final class Html {
    private static final String STYLE = """
            :root{color-scheme:light}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;\
            color:#1a1a1a;background:#fff;line-height:1.5;font-size:1rem}
            a{color:#0b4f8a}a:focus,button:focus,input:focus,select:focus{outline:3px solid #b35c00;\
            outline-offset:2px}
            .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;\
            padding:8px;z-index:2}
            header{background:#0b3d6b;color:#fff;padding:12px 16px}header a{color:#fff}
            nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:16px}
            main{max-width:960px;margin:0 auto;padding:16px}
            h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}
            th,td{border-bottom:1px solid #767676;padding:6px 8px;text-align:left;\
            vertical-align:top}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            caption{position:absolute;width:1px;height:1px;overflow:hidden;\
            clip:rect(0 0 0 0);white-space:nowrap}
            .headline{display:flex;flex-wrap:wrap;gap:12px}
            .card{border:2px solid #0b3d6b;border-radius:8px;padding:12px 16px;min-width:140px}
            .card .big{font-size:2rem;font-weight:700}
            .notenough{color:#5c3c00;background:#fff4d6;border:1px solid #8a5a00;padding:2px 6px;\
            border-radius:4px}
            form.inline{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin:1rem 0}
            label{display:block;font-weight:600}
            input,select,button{font-size:1rem;padding:8px;min-height:44px}
            button{background:#0b3d6b;color:#fff;border:0;border-radius:4px;cursor:pointer}
            .hint{color:#4a4a4a;font-size:.9rem}
            .scroll{overflow-x:auto}
            svg text{font-size:18px;fill:#1a1a1a}
            .error{color:#8a0000;font-weight:600}
            footer{color:#4a4a4a;font-size:.85rem;padding:16px;text-align:center}
            """;

    private Html() {
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Wraps {@code body} in the layout.
     *
     * @param otherLanguageUrl the same page in the other language
     * @param signedInAs the user name, or null for a visitor
     */
    static String page(Messages messages, String title, String body, String otherLanguageUrl,
            String signedInAs, String csrfToken) {
        String lang = messages.language();
        String suffix = lang.equals("en") ? "?lang=en" : "";
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html><html lang=\"").append(lang).append("\"><head>")
                .append("<meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" - ")
                .append(escape(messages.get("app.title"))).append("</title><style>")
                .append(STYLE).append("</style></head><body>")
                .append("<a class=\"skip\" href=\"#main\">").append(escape(messages.get("nav.skip")))
                .append("</a><header><nav aria-label=\"").append(escape(messages.get("app.title")))
                .append("\"><ul><li><a href=\"/").append(suffix).append("\">")
                .append(escape(messages.get("nav.home"))).append("</a></li>");
        if (signedInAs == null) {
            out.append("<li><a href=\"/login").append(suffix).append("\">")
                    .append(escape(messages.get("nav.login"))).append("</a></li>");
        } else {
            out.append("<li><a href=\"/dashboard").append(suffix).append("\">")
                    .append(escape(messages.get("nav.dashboard"))).append("</a></li>")
                    .append("<li><form method=\"post\" action=\"/logout\" style=\"margin:0\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(escape(csrfToken)).append("\"><button type=\"submit\">")
                    .append(escape(messages.get("nav.logout"))).append(" (")
                    .append(escape(signedInAs)).append(")</button></form></li>");
        }
        out.append("<li><a href=\"").append(escape(otherLanguageUrl)).append("\" hreflang=\"")
                .append(lang.equals("en") ? "id" : "en").append("\" lang=\"")
                .append(lang.equals("en") ? "id" : "en").append("\">")
                .append(escape(messages.get("nav.language"))).append("</a></li></ul></nav>")
                .append("</header><main id=\"main\" tabindex=\"-1\"><h1>").append(escape(title))
                .append("</h1>").append(body).append("</main><footer>")
                .append(escape(messages.get("app.tagline"))).append("</footer></body></html>");
        return out.toString();
    }
}
