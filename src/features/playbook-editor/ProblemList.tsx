import type { PlaybookDocument } from '../../domain/playbooks/playbook';
import type { PlaybookProblem } from '../../domain/playbooks/playbook-document';
import { useMessages } from '../../i18n';
import { playbookEditorMessages } from './messages';

const TEMPLATE_PATH = /^stages\[(\d+)\]\.templates\[(\d+)\]/;

/**
 * A document's problems in words: where (stage and task number when the path names a template of
 * `document`) and what. At most ten; the count of the rest follows.
 */
export function ProblemList({
  problems,
  document,
  stageLabel,
}: {
  problems: readonly PlaybookProblem[];
  document: PlaybookDocument | null;
  stageLabel: (stageId: string) => string;
}) {
  const text = useMessages(playbookEditorMessages);
  const shown = problems.slice(0, 10);
  return (
    <ul className="st-playbook__problems">
      {shown.map((problem, index) => {
        const match = TEMPLATE_PATH.exec(problem.path);
        const stage = match ? document?.stages[Number(match[1])] : undefined;
        const where =
          match && stage
            ? text.problemWhereTask(stageLabel(stage.stageId), Number(match[2]) + 1)
            : problem.path
              ? `${text.problemWhereDocument} (${problem.path})`
              : text.problemWhereDocument;
        // A fixed responsible nobody was chosen for yet is the usual case: say it in the editor's words.
        const what = problem.path.endsWith('.responsible.userId')
          ? text.noUserChosen
          : text.problems[problem.kind] + (problem.detail ? ` (${problem.detail})` : '');
        return <li key={`${problem.path}-${index}`}>{text.problemAt(where, what)}</li>;
      })}
      {problems.length > shown.length && <li>…</li>}
    </ul>
  );
}
