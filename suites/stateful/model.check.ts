import fc from 'fast-check'
import { check } from '../../src/harness/check.ts'
import { conversationCommands, type ConversationModel } from '../../src/harness/model.ts'

// Model-based: random sequences of create, fetch, list, update and delete on a fresh conversation each, checked
// step by step against an in-memory model. A failure shrinks to the shortest sequence that still fails.
check(
  'msg.stateful.model',
  async (ctx) => {
    await ctx.property(
      fc.asyncProperty(conversationCommands, async (commands) => {
        const conversation = await ctx.newConversation()
        try {
          const setup = () => ({ model: { live: [], deleted: [] } as ConversationModel, real: { messages: ctx.api.messages(conversation), scope: ctx.scope, settle: ctx.settle } })
          await fc.asyncModelRun(setup, commands)
        } finally {
          // Each run has its own conversation; drop it now rather than at the end of the check.
          await ctx.api.deleteConversation(conversation)
        }
      }),
      { numRuns: Math.min(ctx.profile.numRuns, 25) },
    )
  },
  { timeoutMs: 120_000 },
)
