/**
 * CRM screen-pop: when a call rings at one of the extensions this integration
 * may see, print the caller, the customer's record and the CRM popup URL.
 *
 *   AMIABLE_URL=https://cti.example.com AMIABLE_API_KEY=… npx tsx packages/sdk/examples/crm-screen-pop.ts 1001 1002
 *
 * The extensions on the command line narrow the subscription further; the API
 * key's scope always applies (the server sends nothing outside it).
 */
import WebSocket from 'ws';
import { createClient, CtiError, type DeliveredEvent, type WebSocketConstructor } from '../src/index.ts';

const extensions = process.argv.slice(2);
const client = createClient({
  baseUrl: process.env.AMIABLE_URL ?? 'http://127.0.0.1:8080',
  WebSocket: WebSocket as unknown as WebSocketConstructor,
});

async function pop(e: DeliveredEvent<'call.ringing'>): Promise<void> {
  const call = e.payload;
  console.log(`\n☎  ${call.callerNumber ?? 'unknown number'} ${call.callerName ? `(${call.callerName})` : ''} → ${call.extension ?? '?'}`);
  console.log(`   queue ${call.queue ?? '—'}, language ${call.language ?? '—'}, waited ${call.waitSeconds ?? 0}s`);
  try {
    const customer = call.customer
      ? await client.api.customers.get(call.customer.id)
      : call.callerNumber
        ? (await client.api.customers.lookup(call.callerNumber))[0]
        : undefined;
    if (customer) {
      console.log(`   customer: ${customer.name}${customer.company ? `, ${customer.company}` : ''} [${customer.language ?? '—'}]`);
      if (customer.notes) console.log(`   notes: ${customer.notes}`);
    } else {
      console.log('   unknown caller: no customer record for this number');
    }
  } catch (error) {
    console.log(`   customer lookup failed: ${error instanceof CtiError ? error.code : String(error)}`);
  }
  if (call.popupUrl) console.log(`   open: ${call.popupUrl}`);
}

client.on('call.ringing', (e) => void pop(e));
client.on('call.dismissed', (e) => console.log(`   (${e.payload.callId} ${e.payload.reason} at ${e.payload.extension ?? '?'}: close the popup)`));
client.on('connection', (s) => console.error(`connection: ${s.state}`));
client.on('error', (error) => console.error(`${error.code}: ${error.message}`));

if (process.env.AMIABLE_API_KEY) await client.loginWithApiKey(process.env.AMIABLE_API_KEY);
else await client.login(process.env.AMIABLE_USER ?? 'crm', process.env.AMIABLE_PASSWORD ?? '');

client.subscribe({ types: ['call.ringing', 'call.dismissed'], ...(extensions.length ? { extensions } : {}) });
client.connect();
console.error(`waiting for calls${extensions.length ? ` at ${extensions.join(', ')}` : ''}; Ctrl-C to stop`);
process.on('SIGINT', () => {
  client.close();
  process.exit(0);
});
