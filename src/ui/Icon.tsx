import {
  Calendar,
  CalendarClock,
  Check,
  ChevronDown,
  CircleAlert,
  CircleDot,
  ExternalLink,
  Flag,
  Flame,
  ListChecks,
  type LucideIcon,
  Ellipsis,
  Pause,
  Play,
  Plus,
  RotateCcw,
  User,
  UserRound,
} from 'lucide-react';

/**
 * The icons the app draws, by what they mean, not by how they look: a surface asks for
 * `deadline`, never for a particular picture. The set behind them is chosen here only
 * (Lucide, ISC licence: Bitrix24's own b24icons is published for Vue and Nuxt only), so
 * changing it is one edit in this file.
 */
const ICONS = {
  /** A task's deadline. */
  deadline: CalendarClock,
  /** A task's priority ("high" is the only one Bitrix24 marks). */
  priority: Flame,
  /** A task's status. */
  status: CircleDot,
  /** A task's or item's responsible person. */
  responsible: UserRound,
  calendar: Calendar,
  user: User,
  flag: Flag,
  check: Check,
  play: Play,
  pause: Pause,
  more: Ellipsis,
  add: Plus,
  renew: RotateCcw,
  checklist: ListChecks,
  open: ExternalLink,
  expand: ChevronDown,
  warning: CircleAlert,
} satisfies Record<string, LucideIcon>;

/** The name of an icon the app can draw (`<Icon name="deadline" />`). */
export type IconName = keyof typeof ICONS;

/** Every icon name, e.g. for a test that draws them all. */
export const ICON_NAMES = Object.keys(ICONS) as IconName[];

export interface IconProps {
  name: IconName;
  /** Width and height in CSS pixels (16 by default: Air's icon size beside 13–14 px text). */
  size?: number;
  /**
   * Words for a screen reader when the icon alone carries the meaning (an icon-only button
   * has its own aria-label instead). Without it the icon is decorative and hidden from
   * assistive technology, since the text beside it says the same.
   */
  label?: string;
  className?: string;
}

/**
 * One icon, drawn in the current text colour (`currentColor`), so it takes the colour of the
 * text or button it sits in. Decorative (aria-hidden) unless given a `label`.
 */
export function Icon({ name, size = 16, label, className }: IconProps) {
  const Glyph = ICONS[name];
  const classes = ['st-icon', className].filter(Boolean).join(' ');
  return label ? (
    <Glyph
      className={classes}
      size={size}
      strokeWidth={1.75}
      color="currentColor"
      role="img"
      aria-label={label}
      focusable="false"
    />
  ) : (
    <Glyph
      className={classes}
      size={size}
      strokeWidth={1.75}
      color="currentColor"
      aria-hidden="true"
      focusable="false"
    />
  );
}
