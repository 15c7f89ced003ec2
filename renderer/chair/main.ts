import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import './chair.css';

createApp(App).use(createPinia()).mount('#app');
