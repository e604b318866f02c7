import type { SurfaceProps } from '../surface-contract';
import { DetailTab } from './DetailTab';
import './detail-tab.css';

/** CRM_DYNAMIC_<entityTypeId>_DETAIL_TAB: the item at a glance, its linked tasks, one-click create. */
export default function DetailTabSurface({ target }: SurfaceProps<'detail-tab'>) {
  return <DetailTab entityTypeId={target.entityTypeId} itemId={target.itemId} />;
}
