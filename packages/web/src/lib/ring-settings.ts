/** The desk's ring preferences, kept in this browser only (localStorage). */
const SOUND_KEY = 'amiable.desk.ringSound';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): StorageLike | undefined {
  try {
    return globalThis.localStorage;
  } catch (error) {
    console.warn('The ring preference cannot be kept: local storage is disabled', error);
    return undefined;
  }
}

/** Whether a ringing call plays a sound: on unless the agent turned it off. */
export function ringSoundEnabled(store: StorageLike | undefined = storage()): boolean {
  return store?.getItem(SOUND_KEY) !== 'off';
}

export function setRingSoundEnabled(on: boolean, store: StorageLike | undefined = storage()): void {
  store?.setItem(SOUND_KEY, on ? 'on' : 'off');
}
