import { createApp } from 'vue';
import App from './App.vue';
import './tablet.css';

createApp(App).mount('#app');
