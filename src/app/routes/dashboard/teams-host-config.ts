/**
 * A host config close to Microsoft Teams' light theme, for drawing cards in the dashboard with
 * Microsoft's Adaptive Cards renderer. Colours are darkened where Teams' own would fall below WCAG AA
 * contrast on the dashboard (the page is checked with axe-core); Teams itself keeps its palette.
 */
const colour = (normal: string, subtle: string) => ({ default: normal, subtle });

const foreground = {
  default: colour('#242424', '#616161'),
  dark: colour('#242424', '#616161'),
  light: colour('#ffffff', '#f5f5f5'),
  accent: colour('#4f52b2', '#4f52b2'),
  good: colour('#0e700e', '#0e700e'),
  warning: colour('#835b00', '#835b00'),
  attention: colour('#b10e1c', '#b10e1c'),
};

const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: foreground });

export const teamsHostConfig = {
  fontFamily: '"Segoe UI", system-ui, -apple-system, sans-serif',
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#d1d1d1' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: style('#ffffff'),
    emphasis: style('#f5f5f5'),
    accent: style('#e8ebfa'),
    good: style('#e7f2da'),
    attention: style('#fdf3f4'),
    warning: style('#fbf6d9'),
  },
  actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 8 }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  factSet: { title: { weight: 'bolder', wrap: true, maxWidth: 150 }, value: { wrap: true }, spacing: 8 },
  textBlock: { headingLevel: 2 },
} as const;
