import { type ConversationsApi, isGone } from './api.ts'
import type { LedgerResource, ResourceKind } from '../run/ledger.ts'

export interface CleanupResult {
  deleted: LedgerResource[]
  failed: Array<{ resource: LedgerResource; why: string }>
}

/**
 * Users go first (they may name a participant), then participants, conversations, media and Content templates (a
 * message refers to them), and services last (they hold the rest, media included).
 */
const ORDER: Record<ResourceKind, number> = { user: 0, participant: 1, conversation: 2, media: 3, content: 3, service: 4 }

export function inDeletionOrder(resources: readonly LedgerResource[]): LedgerResource[] {
  return [...resources].sort((a, b) => ORDER[a.kind] - ORDER[b.kind])
}

/**
 * Deletes resources a run made (a 2xx or a 404 means gone), in deletion order. Used by each check for what it made,
 * for what the checks left at the end of a run or after an interrupt, and by `conformance sweep`. Never throws: what
 * could not be deleted is returned with why.
 */
export async function deleteResources(api: ConversationsApi, resources: readonly LedgerResource[]): Promise<CleanupResult> {
  const result: CleanupResult = { deleted: [], failed: [] }
  for (const resource of inDeletionOrder(resources)) {
    try {
      const ex = await api.remove(resource.path)
      if (isGone(ex)) result.deleted.push(resource)
      else result.failed.push({ resource, why: `answered ${ex.response.status}` })
    } catch (err) {
      result.failed.push({ resource, why: (err as Error).message })
    }
  }
  return result
}

/** "3 conversations, 1 user" */
export function countByKind(resources: readonly LedgerResource[]): string {
  const counts = new Map<ResourceKind, number>()
  for (const r of resources) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1)
  const noun = (kind: ResourceKind) => (kind === 'media' ? 'media item' : kind === 'content' ? 'Content template' : kind)
  const parts = [...counts].sort((a, b) => ORDER[a[0]] - ORDER[b[0]]).map(([kind, n]) => `${n} ${noun(kind)}${n === 1 ? '' : 's'}`)
  return parts.length > 0 ? parts.join(', ') : 'nothing'
}
