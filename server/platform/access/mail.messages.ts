// The texts of the account mails, in the six UN languages; each mail goes out in the
// recipient's preferred language.
import type { Language } from '../i18n.ts';

export interface InvitationMailInput {
  displayName: string;
  organisationName: string;
  link: string;
  days: number;
}

export interface PasswordResetMailInput {
  displayName: string;
  link: string;
  minutes: number;
}

interface Rendered {
  subject: string;
  text: string;
}

const invitation: Record<Language, (i: InvitationMailInput) => Rendered> = {
  en: (i) => ({
    subject: 'Your invitation to TIP Hub',
    text: `Dear ${i.displayName},

You have been invited to TIP Hub, the coordination platform of the Global Partnership against Slavery and Trafficking in Persons, as a member of ${i.organisationName}.

To accept the invitation and choose your password, open this link within ${i.days} days:
${i.link}

The link can be used only once. If you did not expect this invitation, you can ignore this message.`,
  }),
  fr: (i) => ({
    subject: 'Votre invitation à TIP Hub',
    text: `Madame, Monsieur ${i.displayName},

Vous êtes invité(e) à rejoindre TIP Hub, la plateforme de coordination du Partenariat mondial contre l'esclavage et la traite des personnes, en tant que membre de ${i.organisationName}.

Pour accepter l'invitation et choisir votre mot de passe, ouvrez ce lien dans les ${i.days} jours :
${i.link}

Ce lien n'est utilisable qu'une seule fois. Si vous n'attendiez pas cette invitation, vous pouvez ignorer ce message.`,
  }),
  es: (i) => ({
    subject: 'Su invitación a TIP Hub',
    text: `Estimado/a ${i.displayName}:

Ha sido invitado/a a TIP Hub, la plataforma de coordinación de la Alianza Mundial contra la Esclavitud y la Trata de Personas, como miembro de ${i.organisationName}.

Para aceptar la invitación y elegir su contraseña, abra este enlace en un plazo de ${i.days} días:
${i.link}

El enlace solo puede utilizarse una vez. Si no esperaba esta invitación, puede ignorar este mensaje.`,
  }),
  ru: (i) => ({
    subject: 'Приглашение в TIP Hub',
    text: `Уважаемый(ая) ${i.displayName}!

Вы приглашены в TIP Hub, платформу координации Глобального партнерства по борьбе с рабством и торговлей людьми, как сотрудник организации «${i.organisationName}».

Чтобы принять приглашение и задать пароль, откройте эту ссылку в течение ${i.days} дней:
${i.link}

Ссылкой можно воспользоваться только один раз. Если вы не ожидали этого приглашения, просто проигнорируйте это письмо.`,
  }),
  zh: (i) => ({
    subject: '您受邀加入 TIP Hub',
    text: `${i.displayName}，您好：

您已作为${i.organisationName}的成员，受邀加入 TIP Hub——打击奴役和贩运人口全球伙伴关系的协调平台。

请在 ${i.days} 天内打开以下链接，接受邀请并设置密码：
${i.link}

该链接只能使用一次。如果您并未期待此邀请，请忽略本邮件。`,
  }),
  ar: (i) => ({
    subject: 'دعوتك إلى منصة TIP Hub',
    text: `عزيزي/عزيزتي ${i.displayName}،

لقد دُعيت إلى الانضمام إلى منصة TIP Hub، منصة التنسيق التابعة للشراكة العالمية لمكافحة الرق والاتجار بالأشخاص، بصفتك عضواً في ${i.organisationName}.

لقبول الدعوة واختيار كلمة المرور، افتح هذا الرابط خلال ${i.days} أيام:
${i.link}

لا يمكن استخدام الرابط إلا مرة واحدة. إذا لم تكن تتوقع هذه الدعوة، يمكنك تجاهل هذه الرسالة.`,
  }),
};

const passwordReset: Record<Language, (i: PasswordResetMailInput) => Rendered> = {
  en: (i) => ({
    subject: 'Reset your TIP Hub password',
    text: `Dear ${i.displayName},

Someone asked to reset the password of your TIP Hub account. To choose a new password, open this link within ${i.minutes} minutes:
${i.link}

The link can be used only once. Setting a new password signs you out everywhere. If you did not ask for this, ignore this message: your password stays as it is.`,
  }),
  fr: (i) => ({
    subject: 'Réinitialisation de votre mot de passe TIP Hub',
    text: `Madame, Monsieur ${i.displayName},

Une demande de réinitialisation du mot de passe de votre compte TIP Hub a été faite. Pour choisir un nouveau mot de passe, ouvrez ce lien dans les ${i.minutes} minutes :
${i.link}

Ce lien n'est utilisable qu'une seule fois. Le nouveau mot de passe vous déconnecte de toutes vos sessions. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.`,
  }),
  es: (i) => ({
    subject: 'Restablezca su contraseña de TIP Hub',
    text: `Estimado/a ${i.displayName}:

Se ha solicitado restablecer la contraseña de su cuenta de TIP Hub. Para elegir una nueva contraseña, abra este enlace en un plazo de ${i.minutes} minutos:
${i.link}

El enlace solo puede utilizarse una vez. Al establecer una nueva contraseña se cerrarán todas sus sesiones. Si no ha hecho esta solicitud, ignore este mensaje: su contraseña no cambiará.`,
  }),
  ru: (i) => ({
    subject: 'Сброс пароля TIP Hub',
    text: `Уважаемый(ая) ${i.displayName}!

Поступил запрос на сброс пароля вашей учетной записи TIP Hub. Чтобы задать новый пароль, откройте эту ссылку в течение ${i.minutes} минут:
${i.link}

Ссылкой можно воспользоваться только один раз. После смены пароля все ваши сеансы будут завершены. Если вы не запрашивали сброс, проигнорируйте это письмо: ваш пароль останется прежним.`,
  }),
  zh: (i) => ({
    subject: '重置您的 TIP Hub 密码',
    text: `${i.displayName}，您好：

有人请求重置您的 TIP Hub 账户密码。请在 ${i.minutes} 分钟内打开以下链接设置新密码：
${i.link}

该链接只能使用一次。设置新密码后，您将在所有设备上退出登录。如果这不是您本人的请求，请忽略本邮件，您的密码不会改变。`,
  }),
  ar: (i) => ({
    subject: 'إعادة تعيين كلمة المرور في منصة TIP Hub',
    text: `عزيزي/عزيزتي ${i.displayName}،

طلب أحدهم إعادة تعيين كلمة المرور لحسابك في منصة TIP Hub. لاختيار كلمة مرور جديدة، افتح هذا الرابط خلال ${i.minutes} دقيقة:
${i.link}

لا يمكن استخدام الرابط إلا مرة واحدة. يؤدي تعيين كلمة مرور جديدة إلى تسجيل خروجك من جميع الجلسات. إذا لم تطلب ذلك، تجاهل هذه الرسالة وستبقى كلمة المرور دون تغيير.`,
  }),
};

export function invitationMail(language: Language, input: InvitationMailInput): Rendered {
  return invitation[language](input);
}

export function passwordResetMail(language: Language, input: PasswordResetMailInput): Rendered {
  return passwordReset[language](input);
}
