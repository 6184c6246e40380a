export { type AgentWorkflowEvent, type SignedInAgent, snapshotAgent } from '../../contact-center/signed-in-agent.ts';
