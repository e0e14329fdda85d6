// The `page-token-any-conversation` fault: a cursor cache keyed by the page token alone. Each token a list hands out
// is remembered with the conversation it pages; a later list given that token pages that conversation, whatever
// conversation its path names (the cache lookup never compares the path).
import type { App } from './router.ts'
import type { Conversation } from './store.ts'

const owners = new WeakMap<App, Map<string, Conversation>>()

export function rememberToken(app: App, token: string, conversation: Conversation): void {
  let byToken = owners.get(app)
  if (byToken === undefined) owners.set(app, (byToken = new Map()))
  byToken.set(token, conversation)
}

/** The conversation a token was last handed out for, if the cache holds it. */
export function tokenOwner(app: App, token: string | undefined): Conversation | undefined {
  return token === undefined ? undefined : owners.get(app)?.get(token)
}
