import './base.css';
import './ui.css';

export { Alert, type AlertTone } from './Alert';
export { Avatar, Person } from './Avatar';
export { Badge, StagePill, type BadgeTone } from './Badge';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { Icon, ICON_NAMES, type IconName, type IconProps } from './Icon';
export { DateTimeField, type DateTimeEntry } from './DateTimeField';
export { EmptyState } from './EmptyState';
export { Field, FieldGroup, Select, TextArea, TextInput, type FieldControlProps } from './Field';
export { Panel } from './Panel';
export { QueryView, type RetryProps } from './QueryView';
export { RetryAlert, retryCanHelp } from './RetryAlert';
export { Skeleton } from './Skeleton';
export { StageBar } from './StageBar';
