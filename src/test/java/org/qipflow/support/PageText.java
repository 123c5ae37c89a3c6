package org.qipflow.support;

import org.springframework.web.util.HtmlUtils;

/** A page's words as a reader meets them: no head, no charts, no tags, entities read, white space folded. */
public final class PageText {

    private PageText() {
    }

    public static String words(String html) {
        String body = html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("(?s)<svg.*?</svg>", " ");
        return HtmlUtils.htmlUnescape(body.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
    }
}
