package org.qipflow.programmes;

import java.util.List;

/**
 * Which of a programme's standards are outlier indicators, and whether their funnel-plot limits are
 * widened where organisations vary more than chance allows (over-dispersion).
 */
public record OutlierPolicy(List<String> indicators, boolean allowForOverdispersion) {

    public OutlierPolicy {
        indicators = List.copyOf(indicators);
    }

    public static final OutlierPolicy NONE = new OutlierPolicy(List.of(), false);
}
