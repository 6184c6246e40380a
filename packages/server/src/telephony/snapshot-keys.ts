/**
 * Header names of a channel snapshot block ("CS" in AMI-REFERENCE 3.1),
 * optionally prefixed (`Dest`, `Transferee`, `LocalOne`, ...). Built once per
 * prefix so the hot path never concatenates strings.
 */
export interface CsKeys {
  readonly channel: string;
  readonly state: string;
  readonly stateDesc: string;
  readonly callerNum: string;
  readonly callerName: string;
  readonly connectedNum: string;
  readonly connectedName: string;
  readonly context: string;
  readonly exten: string;
  readonly uniqueid: string;
  readonly linkedid: string;
}

function build(prefix: string): CsKeys {
  return Object.freeze({
    channel: `${prefix}Channel`,
    state: `${prefix}ChannelState`,
    stateDesc: `${prefix}ChannelStateDesc`,
    callerNum: `${prefix}CallerIDNum`,
    callerName: `${prefix}CallerIDName`,
    connectedNum: `${prefix}ConnectedLineNum`,
    connectedName: `${prefix}ConnectedLineName`,
    context: `${prefix}Context`,
    exten: `${prefix}Exten`,
    uniqueid: `${prefix}Uniqueid`,
    linkedid: `${prefix}Linkedid`,
  });
}

export const CS = build('');
export const DEST_CS = build('Dest');
export const LOCAL_ONE_CS = build('LocalOne');
export const LOCAL_TWO_CS = build('LocalTwo');
export const TRANSFERER_CS = build('Transferer');
export const TRANSFEREE_CS = build('Transferee');
export const ORIG_TRANSFERER_CS = build('OrigTransferer');
export const SECOND_TRANSFERER_CS = build('SecondTransferer');
export const TRANSFER_TARGET_CS = build('TransferTarget');
export const SPYER_CS = build('Spyer');
export const SPYEE_CS = build('Spyee');
