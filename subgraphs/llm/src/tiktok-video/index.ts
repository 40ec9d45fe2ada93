export { resolveCaptionIdeas } from './resolve-caption-ideas.ts';
