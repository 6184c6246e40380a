import type { CustomerSummary } from '@amiable/protocol';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CtiBus } from '../cluster/index.ts';
import type { Config, PbxConfig } from '../config/index.ts';
import { iso } from '../cti/iso.ts';
import { CtiProjector } from '../cti/projector.ts';
import { createQueueInfos, type QueueInfos } from '../cti/queue-infos.ts';
import type { CustomerDirectory } from '../directory/index.ts';
import { createActivityTimesheet } from '../features/agents/activity-timesheet.ts';
import { AgentService } from '../features/agents/agent-service.ts';
import { CallService } from '../features/calls/call-service.ts';
import type { PbxLink } from '../features/common/pbx-link.ts';
import { ServiceErrors } from '../features/common/service-errors.ts';
import type { CommandHandlers, StateView } from '../gateway/index.ts';
import type { ArchiveWriter } from '../persistence/archive/archive-writer.ts';
import { ctiArchiveInput } from '../persistence/archive/cti-archive-input.ts';
import type { Repositories } from '../persistence/repositories/index.ts';
import type { DurableStorage } from '../persistence/spool/durable-storage.ts';
import { PbxConnection } from '../pbx/pbx-connection.ts';
import { channelsOfExtension, type PbxModel } from '../telephony/index.ts';
import type { Timesheet } from '../features/agents/ports.ts';
import { createAgentDirectory, createTimesheet } from './agent-directory.ts';
import { createCallRecordWriter } from './call-record-writer.ts';
import { createCommandHandlers } from './command-handlers.ts';
import { createAutoRecord } from '../features/recording/auto-record.ts';
import { RecordingService } from '../features/recording/recording-service.ts';
import { checkRecordingTemplate } from '../features/recording/recording-template.ts';
import { createPresenceStore } from './presence-store.ts';
import { createStateView } from './state-view.ts';
import { createScreenPopLookup } from '../integrations/crm-lookup/screen-pop-lookup.ts';
import type { ScreenPopCrm } from './crm-part.ts';

export interface OwnerPart {
  readonly pbxs: ReadonlyMap<string, PbxConnection>;
  readonly agents: AgentService;
  readonly state: StateView;
  readonly commands: CommandHandlers;
  readonly queueInfos: QueueInfos;
  /** Restores signed-in agents and connects to every PBX. */
  start(): Promise<void>;
}

/**
 * The owner part of a node: the AMI connection of each PBX, its live model, the agent
 * workflow and its timers, and the projector. It publishes CTI and raw AMI events on the bus.
 */
export async function wireOwner(deps: {
  config: Config;
  pbxConfigs: readonly PbxConfig[];
  repos: Repositories;
  customers: CustomerDirectory;
  archive: ArchiveWriter;
  durable: DurableStorage;
  bus: CtiBus;
  log: Logger;
  now: () => number;
  onStop: (stop: () => Promise<void> | void) => void;
  /** The CRM consulted for screen pops, when one is configured. */
  crm?: ScreenPopCrm;
  /** Cluster mode: AMI bytes flow only while this node holds the PBX's lease. */
  fence?: (pbx: string) => { allowed: () => boolean; refused: () => void };
}): Promise<OwnerPart> {
  const { config, repos, bus, log, now } = deps;
  const pbxById = new Map(deps.pbxConfigs.map((p) => [p.id, p]));
  const pbxs = new Map<string, PbxConnection>();
  /** The live model of each PBX; replaced on every resync swap. */
  const models = new Map<string, PbxModel>();
  const pbxSince = new Map<string, number>();
  const link: PbxLink = {
    send: (pbx, action) => {
      const conn = pbxs.get(pbx);
      if (!conn) return Promise.reject(ServiceErrors.unknownPbx(`No PBX ${pbx}`));
      return conn.send(action);
    },
    expect: (pbx, match, timeoutMs) => pbxs.get(pbx)!.expect(match, timeoutMs),
    isReady: (pbx) => pbxs.get(pbx)?.isReady() ?? false,
  };
  const projectorRef: { current?: CtiProjector } = {};
  const presence = createPresenceStore(repos, deps.durable, log);
  deps.onStop(() => presence.settled());
  const agents = new AgentService({
    pbx: link,
    directory: createAgentDirectory(repos, config),
    timesheet: ownSessionsOnly(createTimesheet(repos, deps.durable), pbxById),
    presence,
    now,
    emit: (e) => projectorRef.current?.workflow(e),
    deviceTech: (pbx) => pbxById.get(pbx)?.deviceTech ?? 'PJSIP',
    defaultPbx: deps.pbxConfigs[0]!.id,
    allowManualExtension: config.allowManualExtension,
    log,
  });
  deps.onStop(() => agents.close());
  const calls = new CallService({
    pbx: link,
    calls: {
      channelsOfExtension: (pbx, ext) => {
        const model = pbxs.get(pbx)?.model;
        return model ? channelsOfExtension(model, ext).map((c) => ({ uniqueid: c.uniqueid, name: c.name, linkedid: c.linkedid })) : [];
      },
      queueOf: (pbx, linkedid) => pbxs.get(pbx)?.model.calls.get(linkedid)?.facts.queues[0] ?? null,
    },
    dialing: (pbx) => {
      const p = pbxById.get(pbx)!;
      return { context: p.context, deviceTech: p.deviceTech, outboundPrefix: p.outboundPrefix, defaultCountry: config.phone.defaultCountry };
    },
    transfers: (pbx) => ({ targets: config.transfers.targets, queues: new Set(pbxs.get(pbx)?.model.queues.keys() ?? []) }),
  });
  const recordings = new RecordingService({
    pbx: link,
    policy: { ...config.recording, fileTemplate: checkRecordingTemplate(config.recording.fileTemplate) },
    publish: (event) => {
      bus.publishCti(event);
      deps.archive.appendCti(ctiArchiveInput(event));
    },
    now,
  });
  const autoRecord = createAutoRecord({
    recordings,
    agents,
    policy: config.recording,
    channelName: (pbx, uniqueid) => pbxs.get(pbx)?.model.channels.get(uniqueid)?.name,
    log,
  });
  const queueInfos = createQueueInfos({
    skills: () => repos.skills.list(),
    skillQueues: () => repos.skills.skillQueues(),
    queueSettings: () => repos.queueSettings.list(),
  });
  await queueInfos.reload();
  const refreshQueueInfos = setInterval(
    () => void queueInfos.reload().catch((err) => log.warn({ err: (err as Error).message }, 'queue settings reload failed')),
    30_000,
  );
  refreshQueueInfos.unref();
  deps.onStop(() => clearInterval(refreshQueueInfos));
  const writeCallRecord = createCallRecordWriter({
    save: (record) => deps.durable.record({ t: 'call-record', record }),
    customers: deps.customers,
    agentOfExtension: (pbx, ext) => agents.byExtension(pbx, ext)?.agentId ?? null,
    recordingOf: (pbx, linkedid) => recordings.takeFile(pbx, linkedid),
    log,
  });
  const projector = new CtiProjector({
    publish: (event) => {
      bus.publishCti(event);
      deps.archive.appendCti(ctiArchiveInput(event));
    },
    agents,
    log,
    models: () => models,
    findCustomer: createScreenPopLookup({
      directory: async (number): Promise<CustomerSummary | null> => {
        const c = await deps.customers.findCustomerByNumber(number);
        return c ? { id: c.id, name: c.name, company: c.company, language: c.language, externalUrl: null } : null;
      },
      normalise: (number) => deps.customers.normalise(number),
      ...(deps.crm ? { crm: deps.crm } : {}),
    }),
    queueInfo: (q) => queueInfos.get(q),
    supervisorAt: (pbx, ext) => calls.spiedFrom(pbx, ext),
    now,
    callEnded: (pbx, call) => {
      const model = pbxs.get(pbx)?.model;
      if (model) writeCallRecord(pbx, model, call);
    },
    activityChanged: createActivityTimesheet({ agent: (id) => agents.get(id), changeState: (input) => deps.durable.record({ t: 'state', id: randomUUID(), ...input }), now, log }),
  });
  projectorRef.current = projector;
  deps.onStop(() => projector.close());

  /** Resyncs whose `resync` event waits for the memberships to be re-applied. */
  const resyncReasons = new Map<string, 'asterisk restarted' | 'reconnected'>();
  for (const p of deps.pbxConfigs) {
    const conn = new PbxConnection({
      config: p,
      log,
      ...(deps.fence ? { fence: deps.fence(p.id) } : {}),
      listener: {
        event: (pbx, msg) => {
          deps.archive.appendAmi(pbx, msg);
          bus.publishAmi(pbx, msg);
        },
        changes: (pbx, changes) => {
          projector.changes(pbx, changes);
          autoRecord(pbx, changes);
        },
        resynced: (pbx, info) => {
          models.set(pbx, info.model);
          projector.changes(pbx, info.changes);
          projector.resynced(pbx);
          // Step 5 goes out once step 4 (re-applying memberships, when the connection is ready) is done.
          resyncReasons.set(pbx, info.restarted ? 'asterisk restarted' : 'reconnected');
        },
        state: (pbx, state, detail) => {
          pbxSince.set(pbx, now());
          log.info({ pbx, state, detail }, 'PBX connection');
          bus.publishCti({
            type: 'pbx.connection',
            at: iso(now()),
            pbx,
            payload: { pbx, state: state === 'down' ? 'reconnecting' : state, since: iso(now()), error: null },
          });
          if (state === 'ready') reapplyAgents(pbx);
        },
      },
    });
    pbxs.set(p.id, conn);
    models.set(p.id, conn.model);
    deps.onStop(() => conn.close());
  }

  /** Step 4 of the resync order: re-apply the memberships the CTI server owns. */
  const reapplyAgents = (pbx: string) => {
    const model = pbxs.get(pbx)?.model;
    void agents
      .reapply(pbx, (iface) =>
        [...(model?.queues.values() ?? [])]
          .map((q) => q.members.get(iface))
          .filter((m) => m !== undefined)
          .map((m) => ({ queue: m.queue, paused: m.paused })),
      )
      .then((n) => log.info({ pbx, changes: n }, 'agent memberships re-applied'))
      .catch((err) => log.warn({ err: (err as Error).message }, 're-apply failed'))
      .finally(() => {
        const reason = resyncReasons.get(pbx);
        resyncReasons.delete(pbx);
        if (reason !== undefined) bus.publishCti({ type: 'resync', at: iso(now()), pbx, payload: { pbx, reason } });
      });
  };

  return {
    pbxs,
    agents,
    queueInfos,
    state: createStateView({ pbxs, agents, projector, pbxSince, now }),
    commands: createCommandHandlers({ agents, calls, recordings }),
    async start() {
      // Writes spooled by a previous run (killed while the database was away) land first.
      if (!(await deps.durable.recordsDrained(30_000))) {
        log.error(deps.durable.health(), 'spooled records not yet written: restoring agents from what the database has');
      }
      await agents.restore();
      await Promise.all(
        [...pbxs.values()].map((c) => c.start().catch((err) => log.error({ err: (err as Error).message, pbx: c.id }, 'PBX connection failed'))),
      );
    },
  };
}

/** The open sessions this owner restores: those of its own PBXs (in cluster mode, other nodes own the rest). */
function ownSessionsOnly(timesheet: Timesheet, pbxs: ReadonlyMap<string, PbxConfig>): Timesheet {
  return { ...timesheet, openSessions: async () => (await timesheet.openSessions()).filter((s) => pbxs.has(s.pbx)) };
}
