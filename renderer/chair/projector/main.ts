import { createApp } from 'vue';
import ProjectorApp from './ProjectorApp.vue';
import './projector.css';

createApp(ProjectorApp).mount('#app');
