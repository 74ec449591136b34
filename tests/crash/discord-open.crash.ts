/** The crash trial of opening a round (see open-crash-trial.ts) against the fake Discord. */
import { describeOpenCrashTrial } from './open-crash-trial.ts';
import { discordPlatform } from './trial-platforms.ts';

describeOpenCrashTrial('Discord', discordPlatform);
