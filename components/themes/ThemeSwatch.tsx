import { THEME_COLORS, type ThemeColor } from "@/lib/themes/palette";
import "./themes.css";

/**
 * A theme's colour as a small chip: its highlight filled, its strong tone as the border (so it
 * stays visible against the page, 3:1). Decorative: the theme's name always goes with it.
 */
export function ThemeSwatch({ color }: { color: ThemeColor }) {
  const { highlight, strong } = THEME_COLORS[color];
  return <span className="theme-swatch" style={{ backgroundColor: highlight, borderColor: strong }} aria-hidden="true" />;
}
