import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useSession, type SessionUser } from '@/stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Pages anyone may open (sign-in). */
    public?: boolean;
    /** The roles a page is for; the API still checks every request. */
    roles?: SessionUser['role'][];
    title?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('@/pages/login/LoginPage.vue'), meta: { public: true, title: '登录' } },
  { path: '/', redirect: () => useSession().home },
  {
    path: '/cockpit',
    component: () => import('@/pages/cockpit/CockpitPage.vue'),
    meta: { roles: ['leader', 'supervisor', 'admin'], title: '领导驾驶舱' },
  },
  {
    path: '/tasks',
    component: () => import('@/pages/tasks/TaskLedgerPage.vue'),
    meta: { roles: ['supervisor', 'admin', 'leader'], title: '任务台账' },
  },
  {
    path: '/tasks/new',
    component: () => import('@/pages/tasks/TaskFormPage.vue'),
    meta: { roles: ['supervisor', 'admin'], title: '新建任务' },
  },
  {
    path: '/tasks/:id(\\d+)/edit',
    component: () => import('@/pages/tasks/TaskFormPage.vue'),
    meta: { roles: ['supervisor', 'admin'], title: '修改任务' },
  },
  { path: '/tasks/:id(\\d+)', component: () => import('@/pages/tasks/TaskDetailPage.vue'), meta: { title: '任务详情' } },
  {
    path: '/task-drafts',
    component: () => import('@/pages/drafts/DraftsPage.vue'),
    meta: { roles: ['supervisor', 'admin'], title: '任务分解' },
  },
  {
    path: '/task-drafts/:id(\\d+)',
    component: () => import('@/pages/drafts/DraftBatchPage.vue'),
    meta: { roles: ['supervisor', 'admin'], title: '任务草稿审核' },
  },
  {
    path: '/instructions',
    component: () => import('@/pages/instructions/InstructionsPage.vue'),
    meta: { roles: ['supervisor', 'admin', 'leader', 'department'], title: '领导批示件' },
  },
  {
    path: '/instructions/:id(\\d+)',
    component: () => import('@/pages/instructions/InstructionDetailPage.vue'),
    meta: { title: '批示件' },
  },
  {
    path: '/assessments',
    component: () => import('@/pages/assessment/AssessmentPage.vue'),
    meta: { title: '考核结果' },
  },
  {
    path: '/reports',
    component: () => import('@/pages/reports/ReportsPage.vue'),
    meta: { title: '调度与通报' },
  },
  {
    path: '/workbench',
    component: () => import('@/pages/workbench/WorkbenchPage.vue'),
    meta: { roles: ['department'], title: '部门工作台' },
  },
  { path: '/targets/:id(\\d+)', component: () => import('@/pages/targets/TargetDetailPage.vue'), meta: { title: '目标详情' } },
  {
    path: '/supervision-orders/:id(\\d+)',
    component: () => import('@/pages/tasks/SupervisionOrderRedirect.vue'),
    meta: { title: '督办单' },
  },
  {
    path: '/actuals/review',
    component: () => import('@/pages/actuals/ActualQueuePage.vue'),
    meta: { roles: ['supervisor', 'admin'], title: '实绩审核' },
  },
  { path: '/inbox', component: () => import('@/pages/inbox/InboxPage.vue'), meta: { title: '站内信' } },
  { path: '/:pathMatch(.*)*', component: () => import('@/pages/NotFoundPage.vue'), meta: { public: true, title: '页面不存在' } },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  const session = useSession();
  if (!session.checked) {
    await session.load();
  }
  if (to.meta.public) {
    return true;
  }
  if (!session.signedIn) {
    return { path: '/login', query: { redirect: to.fullPath } };
  }
  if (to.meta.roles && session.role && !to.meta.roles.includes(session.role)) {
    return session.home;
  }
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title ?? '督考问用'} · 督考问用`;
});
