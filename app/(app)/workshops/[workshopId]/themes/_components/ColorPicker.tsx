"use client";

import { useTranslations } from "next-intl";
import { THEME_COLORS, THEME_COLOR_KEYS, type ThemeColor } from "@/lib/themes/palette";

interface ColorPickerProps {
  /** Unique per form: names the radio group. */
  name: string;
  value: ThemeColor;
  onChange: (color: ThemeColor) => void;
}

/**
 * The twelve palette colours as a radio group: arrow keys move between swatches, each swatch
 * is named by its colour for screen readers, and the chosen one is marked by more than colour
 * (a thicker ring and a check).
 */
export function ColorPicker({ name, value, onChange }: ColorPickerProps) {
  const t = useTranslations("themes");
  return (
    <fieldset className="field color-picker">
      <legend>{t("color")}</legend>
      <div className="swatches">
        {THEME_COLOR_KEYS.map((key) => (
          <label key={key} className="swatch-choice" title={t(`colors.${key}`)}>
            <input
              type="radio"
              name={name}
              value={key}
              checked={value === key}
              onChange={() => onChange(key)}
              className="swatch-input"
              style={{ backgroundColor: THEME_COLORS[key].highlight, borderColor: THEME_COLORS[key].strong }}
            />
            <span className="visually-hidden">{t(`colors.${key}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
