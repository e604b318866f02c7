import { PlaybookEditor } from '../../features/playbook-editor/PlaybookEditor';
import type { SurfaceProps } from '../surface-contract';

/**
 * `CRM_DYNAMIC_<id>_ROBOT_DESIGNER_TOOLBAR`: the automation designer's menu opens the smart
 * process's stage playbooks, on the funnel whose automation rules were open.
 */
export default function PlaybookEditorSurface({ target }: SurfaceProps<'playbook-editor'>) {
  return (
    <div className="st-surface">
      <PlaybookEditor entityTypeId={target.entityTypeId} initialCategoryId={target.categoryId} />
    </div>
  );
}
