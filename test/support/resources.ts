import type { ReferenceServer } from '../../mock/server.ts'
import { TestClient } from '../../mock/testkit.ts'

export interface ResourceCount {
  /** Services besides the account's default one, by name. */
  services: string[]
  conversations: number
  participants: number
  users: number
}

/**
 * What a reference server holds, counted through the API as any client would (every page of every list). A 429 or
 * 503 (the server's production conditions) is asked again: the count is of the server's state, not of its mood.
 */
export async function countResources(server: Pick<ReferenceServer, 'url' | 'accountSid' | 'authToken'>): Promise<ResourceCount> {
  const api = new TestClient(server)
  const get = async (path: string) => {
    for (let attempt = 0; ; attempt++) {
      const res = await api.get(path)
      if ((res.status !== 429 && res.status !== 503) || attempt >= 20) return res
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  const items = async (path: string, key: string): Promise<Array<Record<string, unknown>>> => {
    const out: Array<Record<string, unknown>> = []
    for (let next: string | null = `${path}?PageSize=100`; next !== null; ) {
      const page = await get(next)
      if (page.status !== 200) throw new Error(`GET ${next} answered ${page.status}`)
      out.push(...(page.json[key] as Array<Record<string, unknown>>))
      next = page.json.meta.next_page_url as string | null
    }
    return out
  }
  const count: ResourceCount = { services: [], conversations: 0, participants: 0, users: 0 }
  for (const service of await items('/v1/Services', 'services')) {
    if (service['friendly_name'] !== 'Default Conversations Service') count.services.push(String(service['friendly_name']))
    const conversations = await items(`/v1/Services/${service['sid']}/Conversations`, 'conversations')
    count.conversations += conversations.length
    for (const c of conversations) count.participants += (await items(`/v1/Services/${service['sid']}/Conversations/${c['sid']}/Participants`, 'participants')).length
    count.users += (await items(`/v1/Services/${service['sid']}/Users`, 'users')).length
  }
  return count
}
