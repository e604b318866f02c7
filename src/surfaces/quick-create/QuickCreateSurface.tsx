import type { SurfaceProps } from '../surface-contract';
import { QuickCreate } from './QuickCreate';
import { recordActivityId } from './load-quick-create';
import './quick-create.css';

/**
 * `..._DETAIL_ACTIVITY`, `..._DETAIL_TOOLBAR`, `..._LIST_MENU`, `..._ACTIVITY_TIMELINE_MENU`:
 * the item id comes from `ID` or `ENTITY_ID` as the manifest says; a timeline record also
 * names its activity, whose subject can become the title.
 */
export default function QuickCreateSurface({ target }: SurfaceProps<'quick-create'>) {
  return (
    <QuickCreate
      entityTypeId={target.entityTypeId}
      itemId={target.itemId}
      activityId={recordActivityId(target.options)}
    />
  );
}
