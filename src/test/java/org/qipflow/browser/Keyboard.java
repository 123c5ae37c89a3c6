package org.qipflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * Works a page with the keyboard alone, as someone who cannot use a mouse does: Tab from control to
 * control until the one wanted has the focus, checking on the way that every control shows where the
 * focus is.
 */
final class Keyboard {

    /** How a control is named here: a field's legend and label ("Question / Yes"), or a link's or button's text. */
    private static final String FOCUSED = """
            () => {
              const el = document.activeElement;
              if (!el || el === document.body) return {name: '', visible: true};
              const text = (node) => (node ? node.innerText || node.textContent || '' : '').replace(/\\s+/g, ' ').trim();
              let name = text(el);
              if (el.labels && el.labels.length) {
                name = text(el.labels[0]);
                const legend = el.closest('fieldset')?.querySelector('legend');
                if (legend && (el.type === 'radio' || el.type === 'checkbox')) name = text(legend) + ' / ' + name;
              }
              const style = getComputedStyle(el);
              const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
              const shadow = style.boxShadow && style.boxShadow !== 'none';
              const highlight = style.backgroundColor === 'rgb(255, 221, 0)';
              return {name: name, visible: outline || shadow || highlight};
            }
            """;
    private static final int MOST_TABS = 80;

    private final Page page;

    Keyboard(Page page) {
        this.page = page;
    }

    /** Presses Tab until the control named so (exactly, or starting so) has the focus. */
    Keyboard tabTo(String name) {
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < MOST_TABS; i++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) page.evaluate(FOCUSED);
            String now = String.valueOf(focused.get("name"));
            assertThat((Boolean) focused.get("visible")).as("a visible focus on '%s' at %s", now, page.url()).isTrue();
            if (now.equals(name) || now.startsWith(name)) {
                return this;
            }
            passed.add(now);
        }
        throw new AssertionError("Tab never reached '" + name + "' on " + page.url() + "; it went through " + passed);
    }

    Keyboard press(String key) {
        page.keyboard().press(key);
        return this;
    }

    Keyboard type(String text) {
        page.keyboard().type(text);
        return this;
    }
}
