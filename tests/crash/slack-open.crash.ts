/** The crash trial of opening a round (see open-crash-trial.ts) against the fake Slack. */
import { describeOpenCrashTrial } from './open-crash-trial.ts';
import { slackPlatform } from './trial-platforms.ts';

describeOpenCrashTrial('Slack', slackPlatform);
