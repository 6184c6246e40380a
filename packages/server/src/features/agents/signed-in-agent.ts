export { type AgentWorkflowEvent, type DispositionDue, type SignedInAgent, snapshotAgent } from '../../contact-center/signed-in-agent.ts';
