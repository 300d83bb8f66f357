import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/theme-chalk/el-message.css';
import 'element-plus/theme-chalk/el-message-box.css';
import App from './App.vue';
import { router } from './router';
import { whenSignedOut } from './api/client';
import { useSession } from './stores/session';
import './styles.css';

const app = createApp(App);
app.use(createPinia());
app.use(router);

// A 401 from any service means the session ended: sign in again, then come back to this page.
whenSignedOut(() => {
  useSession().expired();
  const here = router.currentRoute.value;
  if (!here.meta.public) {
    router.replace({ path: '/login', query: { redirect: here.fullPath } });
  }
});

app.mount('#app');
