import type { ThemeConfig } from 'antd';

/**
 * The platform's look: a sober government blue, a dark navigation rail, slightly larger type than antd's
 * default (many users are older cadres and front-desk staff reading at arm's length).
 */
export const brandColors = {
  primary: '#1656a3',
  navigation: '#0d2847',
  navigationDeep: '#091e36',
  /** 中国红 for the emblem only; never for actions, where red means danger. */
  emblem: '#c8161d',
  page: '#f3f5f8',
} as const;

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: brandColors.primary,
    colorLink: brandColors.primary,
    colorTextBase: '#1a1f29',
    colorBgLayout: brandColors.page,
    // Darker than antd's defaults so secondary text and errors reach WCAG AA contrast (≥ 4.5:1) on white.
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    // Placeholders too (antd's 0.25 is 1.9:1; axe color-contrast): 0.56 is 4.9:1, still lighter than typed text.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorError: '#cf1322',
    fontSize: 15,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 64,
      headerPadding: '0 20px',
      siderBg: brandColors.navigation,
      bodyBg: brandColors.page,
    },
    // A stronger ring than antd's default, so the focused field is obvious (WCAG 2.4.7).
    Input: { activeShadow: '0 0 0 3px rgba(22, 86, 163, 0.35)' },
    Menu: {
      darkItemBg: brandColors.navigation,
      darkSubMenuItemBg: brandColors.navigationDeep,
      darkItemSelectedBg: brandColors.primary,
      darkItemColor: 'rgba(255, 255, 255, 0.88)',
      darkGroupTitleColor: 'rgba(255, 255, 255, 0.62)',
      itemHeight: 44,
      iconSize: 16,
    },
  },
};

/** Larger controls for the sign-in page: ≥ 18 px text, tall inputs, easy targets. */
export const largeFormTheme: ThemeConfig = {
  token: { fontSize: 18, fontSizeLG: 18, controlHeightLG: 52 },
  components: {
    Form: { labelFontSize: 18, verticalLabelPadding: '0 0 6px' },
    Input: { inputFontSizeLG: 18, activeShadow: '0 0 0 3px rgba(22, 86, 163, 0.35)' },
    Button: { contentFontSizeLG: 18 },
    Checkbox: { fontSize: 17, controlInteractiveSize: 22 },
  },
};
