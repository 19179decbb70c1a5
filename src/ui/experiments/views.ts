/** Every experiment view, in one chunk: loaded together on first use, they share their code. */
export { default as BaselineView } from './BaselineView';
export { default as EquationsView } from './EquationsView';
export { default as ExercisesView } from './ExercisesView';
export { default as GalleryView } from './GalleryView';
