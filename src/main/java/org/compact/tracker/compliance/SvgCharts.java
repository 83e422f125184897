package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.support.PageFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report page's charts, drawn on the server as inline SVG with presentation attributes only ({@code fill},
 * {@code width}, …: the page's Content-Security-Policy allows no inline style), each with a title and its values in
 * words as a description, and sized by its view box so that it shrinks to a phone's width. No script.
 */
final class SvgCharts {
    private static final String BAR = "#1d70b8";
    private static final String SHORT = "#d4351c";
    private static final String TRACK = "#e8e8e8";
    private static final String INK = "#0b0c0c";
    private static final String FONT = "font-family=\"Arial, sans-serif\" font-size=\"13\"";

    private SvgCharts() {
    }

    /** One bar: a label and a value out of {@code max}; {@code good} draws it blue, otherwise red. */
    record Bar(String label, @Nullable Double value, double max, boolean good) {
    }

    /** A horizontal bar chart; shares are written as percentages, other values as whole numbers. */
    static String bars(String id, String title, List<Bar> bars, boolean shares) {
        int labelWidth = 230;
        int barWidth = 300;
        int rowHeight = 24;
        int height = 30 + rowHeight * bars.size();
        int width = labelWidth + barWidth + 80;
        StringBuilder svg = open(id, title, describe(bars, shares), width, height);
        int y = 30;
        for (Bar b : bars) {
            String label = b.label().length() > 32 ? b.label().substring(0, 31) + "…" : b.label();
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" ").append(FONT).append(" fill=\"").append(INK).append("\">")
                    .append(esc(label)).append("</text><rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3)
                    .append("\" width=\"").append(barWidth).append("\" height=\"16\" fill=\"").append(TRACK).append("\"/>");
            String text = "none";
            if (b.value() != null) {
                double share = b.max() <= 0 ? 0 : Math.max(0, Math.min(1, b.value() / b.max()));
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                        .append(number(share * barWidth)).append("\" height=\"16\" fill=\"").append(b.good() ? BAR : SHORT)
                        .append("\"/>");
                text = value(b.value(), shares);
            }
            svg.append("<text x=\"").append(labelWidth + barWidth + 6).append("\" y=\"").append(y + 15).append("\" ")
                    .append(FONT).append(" fill=\"").append(INK).append("\">").append(esc(text)).append("</text>");
            y += rowHeight;
        }
        return svg.append("</svg></figure>").toString();
    }

    /**
     * A column chart of shares over time (the quarters): one column per point, its share written above it, its label
     * below; a point with nothing to count is marked "none".
     */
    static String columns(String id, String title, List<String> labels, List<Double> shares) {
        int column = 44;
        int gap = 10;
        int plot = 110;
        int width = 10 + labels.size() * (column + gap);
        int height = 30 + plot + 36;
        List<Bar> asBars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            asBars.add(new Bar(labels.get(i), shares.get(i), 1, true));
        }
        StringBuilder svg = open(id, title, describe(asBars, true), width, height);
        int base = 30 + plot;
        svg.append("<line x1=\"0\" y1=\"").append(base).append("\" x2=\"").append(width).append("\" y2=\"").append(base)
                .append("\" stroke=\"").append(INK).append("\" stroke-width=\"1\"/>");
        for (int i = 0; i < labels.size(); i++) {
            int x = 10 + i * (column + gap);
            Double share = shares.get(i);
            String text = "none";
            if (share != null) {
                double h = Math.max(0, Math.min(1, share)) * (plot - 14);
                svg.append("<rect x=\"").append(x).append("\" y=\"").append(number(base - h)).append("\" width=\"")
                        .append(column).append("\" height=\"").append(number(h)).append("\" fill=\"")
                        .append(share >= 1 ? BAR : share >= 0.8 ? BAR : SHORT).append("\"/>");
                text = String.format(Locale.ROOT, "%.0f%%", share * 100);
            }
            double top = share == null ? base - 4 : base - Math.max(0, Math.min(1, share)) * (plot - 14) - 4;
            svg.append("<text x=\"").append(x + column / 2).append("\" y=\"").append(number(top))
                    .append("\" text-anchor=\"middle\" ").append(FONT).append(" fill=\"").append(INK).append("\">")
                    .append(esc(text)).append("</text>");
            String[] label = labels.get(i).split(" ");
            svg.append("<text x=\"").append(x + column / 2).append("\" y=\"").append(base + 15)
                    .append("\" text-anchor=\"middle\" ").append(FONT).append(" fill=\"").append(INK).append("\">")
                    .append(esc(label[0])).append("</text>");
            if (label.length > 1) {
                svg.append("<text x=\"").append(x + column / 2).append("\" y=\"").append(base + 31)
                        .append("\" text-anchor=\"middle\" ").append(FONT).append(" fill=\"").append(INK).append("\">")
                        .append(esc(label[1])).append("</text>");
            }
        }
        return svg.append("</svg></figure>").toString();
    }

    private static StringBuilder open(String id, String title, String description, int width, int height) {
        return new StringBuilder("<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
                .append("aria-labelledby=\"chart-").append(id).append("\" aria-describedby=\"chart-").append(id)
                .append("-desc\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\"><title id=\"chart-").append(id).append("\">")
                .append(esc(title)).append("</title><desc id=\"chart-").append(id).append("-desc\">").append(esc(description))
                .append("</desc><text x=\"0\" y=\"16\" ").append(FONT).append(" font-weight=\"bold\" fill=\"").append(INK)
                .append("\">").append(esc(title)).append("</text>");
    }

    /** The chart's values in words, for those who cannot see it: "A month's notice 71.4 %; Earlier work checked none.". */
    static String describe(List<Bar> bars, boolean shares) {
        List<String> parts = new ArrayList<>();
        for (Bar b : bars) {
            parts.add(b.label() + " " + (b.value() == null ? "none" : value(b.value(), shares)));
        }
        return String.join("; ", parts) + ".";
    }

    static String value(double value, boolean share) {
        return share ? percent(value) : String.format(Locale.ROOT, "%.0f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String esc(String text) {
        return PageFrame.escape(text);
    }
}
