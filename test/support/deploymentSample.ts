// A Kubernetes Deployment whose container env list the completion tests (unit and protocol)
// type into: one `- name: MX_…` item with its value, the list open below it.
export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: app
          env:
            - name: MX_Mail_SMTPHost
              value: smtp.sendgrid.net
`;
