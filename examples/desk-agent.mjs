#!/usr/bin/env node
// A desk agent: runs on a workstation and signs the agent in at this desk, identified by the
// MAC address of its network card. It holds an integration API key whose scope is this desk's
// extension (and the agents who may sit here); the server refuses a MAC of any other desk.
//
//   AMIABLE_URL=https://cti.example.com AMIABLE_DESK_KEY=amk_... node desk-agent.mjs <agentId>
import { networkInterfaces } from 'node:os';

const [agentId] = process.argv.slice(2);
const url = process.env.AMIABLE_URL ?? 'http://localhost:8080';
const key = process.env.AMIABLE_DESK_KEY;
if (!agentId || !key) {
  console.error('usage: AMIABLE_DESK_KEY=<key> node desk-agent.mjs <agentId>');
  process.exit(2);
}
const mac = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.mac !== '00:00:00:00:00:00')?.mac;
if (!mac) {
  console.error('no network card with a MAC address');
  process.exit(1);
}
const res = await fetch(`${url}/api/commands/agent.signIn`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-api-key': key },
  body: JSON.stringify({ agentId, workstation: { mac } }),
});
const body = await res.json();
console.log(res.status, JSON.stringify(body));
process.exit(res.ok ? 0 : 1);
