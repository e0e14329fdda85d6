// Reference server: a bug in a handler answers a Twilio-shaped 500 and the server keeps serving.
// No client input should reach this path, so the bug is injected by replacing one module export.
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { startReferenceServer, type ReferenceServer } from '../mock/server.ts'
import { TestClient } from '../mock/testkit.ts'

vi.mock('../mock/representation.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../mock/representation.ts')>()
  return {
    ...original,
    renderMessage: (...args: Parameters<typeof original.renderMessage>) => {
      if (args[0].body === 'explode') throw new Error('injected bug')
      return original.renderMessage(...args)
    },
  }
})

let server: ReferenceServer
let api: TestClient
beforeAll(async () => {
  server = await startReferenceServer()
  api = new TestClient(server)
})
afterAll(() => server.close())

it('answers an unexpected exception with a JSON 500 and stays up', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
  const path = `/v1/Conversations/${await api.conversation()}/Messages`
  const res = await api.post(path, { Body: 'explode' })
  expect(res.status).toBe(500)
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(res.json).toEqual({ code: 20500, message: 'Internal Server Error', more_info: 'https://www.twilio.com/docs/errors/20500', status: 500 })
  expect(logged).toHaveBeenCalled()
  expect((await api.post(path, { Body: 'fine' })).status).toBe(201)
  logged.mockRestore()
})
