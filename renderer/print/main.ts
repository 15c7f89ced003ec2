import { createApp } from 'vue';
import App from './App.vue';
import './print.css';

createApp(App).mount('#app');
