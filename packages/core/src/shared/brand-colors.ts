const defaultBrandColor = '#2f5bea';
const darkText = '#111827';

/** The business's colour when it is a #rrggbb value (it always is when stored through Portico). */
export function brandColor(value: string | null | undefined): string {
  return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : defaultBrandColor;
}

/** White or near-black, whichever reads better on `background`. */
export function textColorOn(background: string): string {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, darkText) ? '#ffffff' : darkText;
}

/** The colour for links on a white page: the brand's, unless it is too light to read. */
export function linkColor(brand: string): string {
  return contrastRatio(brand, '#ffffff') >= 3 ? brand : darkText;
}

function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
