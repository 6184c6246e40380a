/**
 * The ring of the agent desk, generated with Web Audio (no sound file): two tones, 440 and
 * 480 Hz, in a double ring (0.4 s on, 0.2 s off, 0.4 s on, 2 s off), repeated until stopped.
 */
const CYCLE_SECONDS = 3;
const BURSTS: readonly (readonly [number, number])[] = [
  [0, 0.4],
  [0.6, 1.0],
];
const VOLUME = 0.18;

type AudioContextCtor = new () => AudioContext;

let shared: AudioContext | undefined;

function audioContext(): AudioContext | undefined {
  if (shared) return shared;
  const Ctor = (globalThis as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor }).AudioContext ??
    (globalThis as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext;
  if (!Ctor) return undefined;
  shared = new Ctor();
  return shared;
}

/**
 * Browsers start audio only after a user gesture: call this from one (a click, a key) so
 * that a later ring can sound.
 */
export function unlockRingAudio(): void {
  const ctx = audioContext();
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch((error: unknown) => console.warn('The ring could not start the audio', error));
}

/** Starts the ring; the returned function stops it. Does nothing where Web Audio is missing. */
export function startRingTone(): () => void {
  const ctx = audioContext();
  if (!ctx) return () => undefined;
  if (ctx.state === 'suspended') void ctx.resume().catch((error: unknown) => console.warn('The ring could not start the audio', error));
  const gain = ctx.createGain();
  gain.gain.value = 0;
  gain.connect(ctx.destination);
  const oscillators = [440, 480].map((frequency) => {
    const osc = ctx.createOscillator();
    osc.frequency.value = frequency;
    osc.connect(gain);
    osc.start();
    return osc;
  });
  let cycleStart = ctx.currentTime + 0.05;
  const schedule = () => {
    for (const [on, off] of BURSTS) {
      gain.gain.setValueAtTime(0, cycleStart + on);
      gain.gain.linearRampToValueAtTime(VOLUME, cycleStart + on + 0.02);
      gain.gain.setValueAtTime(VOLUME, cycleStart + off - 0.02);
      gain.gain.linearRampToValueAtTime(0, cycleStart + off);
    }
    cycleStart += CYCLE_SECONDS;
  };
  schedule();
  schedule();
  const timer = setInterval(schedule, CYCLE_SECONDS * 1000);
  return () => {
    clearInterval(timer);
    gain.gain.cancelScheduledValues(ctx.currentTime);
    gain.gain.setValueAtTime(0, ctx.currentTime);
    for (const osc of oscillators) {
      osc.stop();
      osc.disconnect();
    }
    gain.disconnect();
  };
}
