import type { EvidenceItem } from '@/lib/domain/sheet-items';
import { EvidenceEditor } from './evidence-editor';
import { EvidenceSection } from './evidence-section';

/**
 * A criterion's evidence. The one who may change it gets the editor (a client component: the
 * add form, uploads with progress, "Xóa"); everyone else the list, written on the server, with
 * only each PDF's or image's viewer button started in the browser.
 */
export function EvidenceList({
  resultId,
  items,
  editable,
  maxMb,
}: {
  resultId: number;
  items: EvidenceItem[];
  editable: boolean;
  maxMb: number;
}) {
  return editable ? (
    <EvidenceEditor resultId={resultId} items={items} maxMb={maxMb} />
  ) : (
    <EvidenceSection resultId={resultId} items={items} />
  );
}
